# Icons from one SVG (resources/icons/gatehouse.svg), made at build time: PNGs at the usual sizes
# (librsvg2-bin's rsvg-convert), gatehouse.ico (icoutils' icotool), gatehouse.icns (macOS: iconutil;
# elsewhere installer/make-icns.cmake) and the DMG background. Included from app/CMakeLists.txt so that
# the app embeds its window icon; installer/Packaging.cmake installs them.
set(GATEHOUSE_INSTALLER_DIR ${PROJECT_SOURCE_DIR}/installer)
set(GATEHOUSE_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/icons/gatehouse.svg)
set(GATEHOUSE_GENERATED ${PROJECT_BINARY_DIR}/installer)
find_program(GATEHOUSE_RSVG rsvg-convert)
find_program(GATEHOUSE_ICOTOOL icotool)
set(GATEHOUSE_ICON_SIZES 16 24 32 48 64 128 256 512)
set(GATEHOUSE_ICON_PNGS)
if(GATEHOUSE_RSVG)
    foreach(size ${GATEHOUSE_ICON_SIZES})
        set(png ${GATEHOUSE_GENERATED}/icons/gatehouse-${size}.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${GATEHOUSE_GENERATED}/icons
            COMMAND ${GATEHOUSE_RSVG} -w ${size} -h ${size} -o ${png} ${GATEHOUSE_ICON_SVG}
            DEPENDS ${GATEHOUSE_ICON_SVG} VERBATIM)
        list(APPEND GATEHOUSE_ICON_PNGS ${png})
    endforeach()
    set(GATEHOUSE_ICON_OUTPUTS ${GATEHOUSE_ICON_PNGS})
    set(GATEHOUSE_ICNS ${GATEHOUSE_GENERATED}/icons/gatehouse.icns)
    set(icon_dir ${GATEHOUSE_GENERATED}/icons)
    if(APPLE)
        set(iconset ${GATEHOUSE_GENERATED}/gatehouse.iconset)
        add_custom_command(OUTPUT ${GATEHOUSE_ICNS}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
            COMMAND ${CMAKE_COMMAND} -E copy ${icon_dir}/gatehouse-128.png ${iconset}/icon_128x128.png
            COMMAND ${CMAKE_COMMAND} -E copy ${icon_dir}/gatehouse-256.png ${iconset}/icon_256x256.png
            COMMAND ${CMAKE_COMMAND} -E copy ${icon_dir}/gatehouse-512.png ${iconset}/icon_512x512.png
            COMMAND iconutil -c icns -o ${GATEHOUSE_ICNS} ${iconset}
            DEPENDS ${GATEHOUSE_ICON_PNGS} VERBATIM)
        list(APPEND GATEHOUSE_ICON_OUTPUTS ${GATEHOUSE_ICNS})
    elseif(NOT WIN32)
        add_custom_command(OUTPUT ${GATEHOUSE_ICNS}
            COMMAND ${CMAKE_COMMAND} -DOUT=${GATEHOUSE_ICNS}
                    -DPNGS=${icon_dir}/gatehouse-128.png,${icon_dir}/gatehouse-256.png,${icon_dir}/gatehouse-512.png
                    -P ${GATEHOUSE_INSTALLER_DIR}/make-icns.cmake
            DEPENDS ${GATEHOUSE_ICON_PNGS} ${GATEHOUSE_INSTALLER_DIR}/make-icns.cmake VERBATIM)
        list(APPEND GATEHOUSE_ICON_OUTPUTS ${GATEHOUSE_ICNS})
    endif()
    if(GATEHOUSE_ICOTOOL)
        set(GATEHOUSE_ICO ${GATEHOUSE_GENERATED}/icons/gatehouse.ico)
        set(ico_pngs ${GATEHOUSE_ICON_PNGS})
        list(FILTER ico_pngs INCLUDE REGEX "-(16|24|32|48|64|256)\\.png$")
        add_custom_command(OUTPUT ${GATEHOUSE_ICO}
            COMMAND ${GATEHOUSE_ICOTOOL} -c -o ${GATEHOUSE_ICO} ${ico_pngs}
            DEPENDS ${ico_pngs} VERBATIM)
        list(APPEND GATEHOUSE_ICON_OUTPUTS ${GATEHOUSE_ICO})
    else()
        message(WARNING "icotool (icoutils) not found: no gatehouse.ico is made")
    endif()
    # The DMG window's background, from its own small SVG.
    set(GATEHOUSE_DMG_BACKGROUND ${GATEHOUSE_GENERATED}/dmg-background.png)
    add_custom_command(OUTPUT ${GATEHOUSE_DMG_BACKGROUND}
        COMMAND ${GATEHOUSE_RSVG} -w 540 -h 380 -o ${GATEHOUSE_DMG_BACKGROUND}
                ${GATEHOUSE_INSTALLER_DIR}/macos/background.svg
        DEPENDS ${GATEHOUSE_INSTALLER_DIR}/macos/background.svg VERBATIM)
    list(APPEND GATEHOUSE_ICON_OUTPUTS ${GATEHOUSE_DMG_BACKGROUND})
    add_custom_target(gatehouse_icons ALL DEPENDS ${GATEHOUSE_ICON_OUTPUTS})
else()
    message(WARNING "rsvg-convert (librsvg2-bin) not found: no PNG/ICO/ICNS icons are made or installed")
endif()

