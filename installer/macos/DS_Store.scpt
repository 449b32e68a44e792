-- Lays out the DMG window: the app on the left, Applications on the right, over the background.
on run argv
  set image_name to item 1 of argv
  tell application "Finder"
    tell disk image_name
      open
      set current view of container window to icon view
      set toolbar visible of container window to false
      set statusbar visible of container window to false
      set the bounds of container window to {100, 100, 640, 480}
      set theViewOptions to the icon view options of container window
      set arrangement of theViewOptions to not arranged
      set icon size of theViewOptions to 96
      set background picture of theViewOptions to file ".background:background.png"
      set position of item "Gatehouse Admin.app" of container window to {140, 190}
      set position of item "Applications" of container window to {400, 190}
      close
      open
      update without registering applications
      delay 2
    end tell
  end tell
end run
