# Install rules and CPack, after KeePassXC's CMakeLists/CPack setup. Included from the root CMakeLists.txt.
#
#   Linux:   DEB (two packages: gatehouse-server without Qt, gatehouse-admin) and TGZ (everything, relative).
#   Windows: WiX MSI (Gatehouse Admin; the server an optional feature, installed as a Windows service).
#   macOS:   DragNDrop DMG of "Gatehouse Admin.app" (the server inside the bundle, Contents/MacOS).
#
# Components: server (program, portal files, man page), server_system (/etc and /lib/systemd: DEB only),
# server_archive (the same files relative, for the TGZ), admin (the desktop program, its icons, .desktop).
include(GNUInstallDirs)

set(GATEHOUSE_INSTALLER_DIR ${PROJECT_SOURCE_DIR}/installer)
set(GATEHOUSE_APP_ID org.gatehouse.Admin)
set(GATEHOUSE_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/icons/gatehouse.svg)
set(GATEHOUSE_GENERATED ${PROJECT_BINARY_DIR}/installer)
file(MAKE_DIRECTORY ${GATEHOUSE_GENERATED})

if(APPLE)
    set(GATEHOUSE_BIN_DIR "Gatehouse Admin.app/Contents/MacOS")
    set(GATEHOUSE_PORTAL_INSTALL_DIR "Gatehouse Admin.app/Contents/Resources/portal")
elseif(WIN32)
    set(GATEHOUSE_BIN_DIR .)
    set(GATEHOUSE_PORTAL_INSTALL_DIR portal)
else()
    set(GATEHOUSE_BIN_DIR ${CMAKE_INSTALL_BINDIR})
    set(GATEHOUSE_PORTAL_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/gatehouse/portal)
endif()

# Icons: made by installer/Icons.cmake (included from app/CMakeLists.txt, so the app can embed them).
set(GATEHOUSE_ICON_SIZES 16 24 32 48 64 128 256 512)
set(GATEHOUSE_ICO ${GATEHOUSE_GENERATED}/icons/gatehouse.ico)
set(GATEHOUSE_ICNS ${GATEHOUSE_GENERATED}/icons/gatehouse.icns)

# ---------------------------------------------------------------------------------------------------
# The server.
install(TARGETS gatehouse-server RUNTIME DESTINATION ${GATEHOUSE_BIN_DIR} COMPONENT server)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/portal/ DESTINATION ${GATEHOUSE_PORTAL_INSTALL_DIR}
        COMPONENT server PATTERN favicon.svg EXCLUDE)
# The favicon is the icon's SVG (in the source tree resources/portal/img/favicon.svg links to it).
install(FILES ${GATEHOUSE_ICON_SVG} DESTINATION ${GATEHOUSE_PORTAL_INSTALL_DIR}/img RENAME favicon.svg
        COMPONENT server)

if(UNIX AND NOT APPLE)
    # Man pages, compressed as Debian wants them (gzip -n: no time stamp, reproducible).
    find_program(GATEHOUSE_GZIP gzip REQUIRED)
    set(man_pages)
    foreach(page gatehouse-server.1 gatehouse-admin.1)
        set(source ${GATEHOUSE_INSTALLER_DIR}/linux/${page})
        configure_file(${source} ${GATEHOUSE_GENERATED}/${page} @ONLY)
        add_custom_command(OUTPUT ${GATEHOUSE_GENERATED}/${page}.gz
            COMMAND ${GATEHOUSE_GZIP} -9nkf ${GATEHOUSE_GENERATED}/${page}
            DEPENDS ${source} ${GATEHOUSE_GENERATED}/${page} VERBATIM)
        list(APPEND man_pages ${GATEHOUSE_GENERATED}/${page}.gz)
    endforeach()
    add_custom_target(gatehouse_man ALL DEPENDS ${man_pages})
    install(FILES ${GATEHOUSE_GENERATED}/gatehouse-server.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
            COMPONENT server)

    # Debian wants a copyright file and a changelog in each package's doc directory.
    configure_file(${GATEHOUSE_INSTALLER_DIR}/linux/changelog ${GATEHOUSE_GENERATED}/changelog @ONLY)
    add_custom_command(OUTPUT ${GATEHOUSE_GENERATED}/changelog.gz
        COMMAND ${GATEHOUSE_GZIP} -9nkf ${GATEHOUSE_GENERATED}/changelog
        DEPENDS ${GATEHOUSE_INSTALLER_DIR}/linux/changelog VERBATIM)
    add_custom_target(gatehouse_changelog ALL DEPENDS ${GATEHOUSE_GENERATED}/changelog.gz)
    foreach(component server admin)
        install(FILES ${GATEHOUSE_INSTALLER_DIR}/linux/copyright ${GATEHOUSE_GENERATED}/changelog.gz
                DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/gatehouse-${component} COMPONENT ${component})
    endforeach()

    # System files: absolute for the DEB (conffile in /etc, unit in /lib/systemd/system), relative for
    # the TGZ (unpack anywhere; copy them into place by hand). CPack's archive generators cannot take
    # absolute destinations, so the two go into different components (installer/CPackOptions.cmake).
    set(system_files
        "${GATEHOUSE_INSTALLER_DIR}/linux/gatehouse.properties|etc/gatehouse"
        "${GATEHOUSE_INSTALLER_DIR}/linux/gatehouse-server.service|lib/systemd/system")
    foreach(entry ${system_files})
        string(REPLACE "|" ";" entry "${entry}")
        list(GET entry 0 file)
        list(GET entry 1 dir)
        install(FILES ${file} DESTINATION /${dir} COMPONENT server_system EXCLUDE_FROM_ALL)
        install(FILES ${file} DESTINATION ${dir} COMPONENT server_archive EXCLUDE_FROM_ALL)
    endforeach()
endif()

# ---------------------------------------------------------------------------------------------------
# Gatehouse Admin.
if(GATEHOUSE_BUILD_APP)
    if(APPLE)
        install(TARGETS gatehouse-admin BUNDLE DESTINATION . COMPONENT admin)
    else()
        install(TARGETS gatehouse-admin RUNTIME DESTINATION ${GATEHOUSE_BIN_DIR} COMPONENT admin)
    endif()
    if(UNIX AND NOT APPLE)
        install(FILES ${GATEHOUSE_INSTALLER_DIR}/linux/${GATEHOUSE_APP_ID}.desktop
                DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT admin)
        configure_file(${GATEHOUSE_INSTALLER_DIR}/linux/${GATEHOUSE_APP_ID}.metainfo.xml
                       ${GATEHOUSE_GENERATED}/${GATEHOUSE_APP_ID}.metainfo.xml @ONLY)
        install(FILES ${GATEHOUSE_GENERATED}/${GATEHOUSE_APP_ID}.metainfo.xml
                DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT admin)
        install(FILES ${GATEHOUSE_ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
                RENAME gatehouse-admin.svg COMPONENT admin)
        if(TARGET gatehouse_icons)
            foreach(size ${GATEHOUSE_ICON_SIZES})
                install(FILES ${GATEHOUSE_GENERATED}/icons/gatehouse-${size}.png
                        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                        RENAME gatehouse-admin.png COMPONENT admin)
            endforeach()
        endif()
        install(FILES ${GATEHOUSE_GENERATED}/gatehouse-admin.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
                COMPONENT admin)
    endif()

    # Qt next to the program on Windows and macOS (windeployqt/macdeployqt behind Qt's own script).
    if(WIN32 OR APPLE)
        qt_generate_deploy_app_script(TARGET gatehouse-admin FILENAME_VARIABLE gatehouse_deploy_script
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
        install(SCRIPT ${gatehouse_deploy_script} COMPONENT admin)
    endif()
    if(WIN32)
        # The server's own DLLs (Poco, SQLite, argon2) from vcpkg, beside gatehouse-server.exe.
        install(CODE "
            file(GET_RUNTIME_DEPENDENCIES EXECUTABLES \$<TARGET_FILE:gatehouse-server>
                 RESOLVED_DEPENDENCIES_VAR deps PRE_EXCLUDE_REGEXES \"api-ms-.*\" \"ext-ms-.*\"
                 POST_EXCLUDE_REGEXES \".*system32.*\" DIRECTORIES \$<TARGET_FILE_DIR:gatehouse-server>)
            file(INSTALL \${deps} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${GATEHOUSE_BIN_DIR}\")"
            COMPONENT server)
    endif()
endif()

# ---------------------------------------------------------------------------------------------------
# CPack.
set(CPACK_PACKAGE_NAME gatehouse)
set(CPACK_PACKAGE_VENDOR "Gatehouse")
set(CPACK_PACKAGE_CONTACT "Gatehouse maintainers <packages@gatehouse.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL "https://gatehouse.invalid/")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Gatehouse")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE.txt)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/;/var/;/node_modules/")
set(CPACK_PROJECT_CONFIG_FILE ${GATEHOUSE_GENERATED}/CPackOptions.cmake)
configure_file(${GATEHOUSE_INSTALLER_DIR}/CPackOptions.cmake.in ${GATEHOUSE_GENERATED}/CPackOptions.cmake @ONLY)

set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "Gatehouse Server")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "The portal server, installed as a service.")
set(CPACK_COMPONENT_ADMIN_DISPLAY_NAME "Gatehouse Admin")
set(CPACK_COMPONENT_ADMIN_DESCRIPTION "The desktop program for staff.")
set(CPACK_COMPONENT_ADMIN_REQUIRED ON)

# DEB: one package per group; the server's two components travel together.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
set(CPACK_COMPONENT_SERVER_GROUP server)
set(CPACK_COMPONENT_SERVER_SYSTEM_GROUP server)
set(CPACK_COMPONENT_SERVER_ARCHIVE_GROUP server)
set(CPACK_COMPONENT_ADMIN_GROUP admin)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME gatehouse-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "Gatehouse customer portal server
 Serves the read-only customer portal (invoices, orders, addresses) and the
 admin API used by Gatehouse Admin. Runs as the gatehouse-server systemd
 service with its data in /var/lib/gatehouse.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${GATEHOUSE_INSTALLER_DIR}/linux/conffiles
    ${GATEHOUSE_INSTALLER_DIR}/linux/postinst
    ${GATEHOUSE_INSTALLER_DIR}/linux/prerm
    ${GATEHOUSE_INSTALLER_DIR}/linux/postrm)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_ADMIN_PACKAGE_NAME gatehouse-admin)
set(CPACK_DEBIAN_ADMIN_PACKAGE_SECTION admin)
# Loaded at run time, so not found by dpkg-shlibdeps: the SQLite driver (the workspace of pending edits)
# and the platform plugins (xcb, wayland).
set(CPACK_DEBIAN_ADMIN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
set(CPACK_DEBIAN_ADMIN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_ADMIN_DESCRIPTION "Gatehouse Admin, the desktop program of the Gatehouse portal
 Staff use it to give customers and contacts portal access, manage portal
 users, ERP roles, settings and jobs, and read the audit log.")

# TGZ: one archive with everything, relative paths.
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)

# WiX (MSI), as KeePassXC: the upgrade GUID is fixed forever; major upgrades replace older versions.
set(CPACK_WIX_UPGRADE_GUID "6A1B7F0E-3C4D-4E8B-9F21-5D7C0B2E9A14")
set(CPACK_WIX_PRODUCT_ICON ${GATEHOUSE_GENERATED}/icons/gatehouse.ico)
set(CPACK_WIX_LICENSE_RTF ${GATEHOUSE_INSTALLER_DIR}/windows/license.rtf)
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Gatehouse")
set(CPACK_WIX_PATCH_FILE ${GATEHOUSE_INSTALLER_DIR}/windows/wix-patch.xml)
set(CPACK_WIX_UI_REF "WixUI_FeatureTree")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_PACKAGE_EXECUTABLES "gatehouse-admin;Gatehouse Admin")
set(CPACK_COMPONENT_SERVER_DISABLED ON) # optional feature, off unless chosen

# DragNDrop (DMG).
set(CPACK_DMG_VOLUME_NAME "Gatehouse Admin ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDBZ)
set(CPACK_DMG_BACKGROUND_IMAGE ${GATEHOUSE_GENERATED}/dmg-background.png)
set(CPACK_DMG_DS_STORE_SETUP_SCRIPT ${GATEHOUSE_INSTALLER_DIR}/macos/DS_Store.scpt)
set(CPACK_BUNDLE_NAME "Gatehouse Admin")
if(APPLE AND GATEHOUSE_BUILD_APP)
    set_target_properties(gatehouse-admin PROPERTIES
        MACOSX_BUNDLE ON
        OUTPUT_NAME "Gatehouse Admin"
        MACOSX_BUNDLE_INFO_PLIST ${GATEHOUSE_INSTALLER_DIR}/macos/Info.plist.in
        MACOSX_BUNDLE_GUI_IDENTIFIER ${GATEHOUSE_APP_ID}
        MACOSX_BUNDLE_BUNDLE_NAME "Gatehouse Admin"
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_ICON_FILE gatehouse.icns)
    set_source_files_properties(${GATEHOUSE_ICNS} TARGET_DIRECTORY gatehouse-admin
                                PROPERTIES MACOSX_PACKAGE_LOCATION Resources GENERATED ON)
    target_sources(gatehouse-admin PRIVATE ${GATEHOUSE_ICNS})
endif()
if(WIN32 AND GATEHOUSE_BUILD_APP)
    set_target_properties(gatehouse-admin PROPERTIES WIN32_EXECUTABLE ON)
    configure_file(${GATEHOUSE_INSTALLER_DIR}/windows/gatehouse-admin.rc.in ${GATEHOUSE_GENERATED}/gatehouse-admin.rc @ONLY)
    target_sources(gatehouse-admin PRIVATE ${GATEHOUSE_GENERATED}/gatehouse-admin.rc)
endif()

if(WIN32)
    set(CPACK_GENERATOR WIX ZIP)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB TGZ)
endif()
include(CPack)
