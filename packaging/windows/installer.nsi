; The Windows installer of Customer Archive (客户档案): installs the PyInstaller one-folder bundle,
; a Start menu shortcut and an uninstaller (listed in Settings > Apps).
;
;   makensis -DBUNDLE=dist\customer-archive -DVERSION=0.1.0 -DOUTFILE=dist\customer-archive-0.1.0-installer.exe packaging\windows\installer.nsi
;
; BUNDLE is the folder `pyinstaller packaging/customer-archive.spec` made on Windows (it holds
; customer-archive.exe, customer-archive-gui.exe and _internal\). The bundle itself can only be
; built on Windows; this script also compiles with Debian's makensis (package nsis) against any
; folder of that shape, which is how it was checked on Linux.

Unicode true
!include "MUI2.nsh"

!ifndef BUNDLE
  !error "BUNDLE not defined: makensis -DBUNDLE=<the one-folder bundle> ..."
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "customer-archive-${VERSION}-installer.exe"
!endif

!define PRODUCT "客户档案 Customer Archive"
!define PRODUCT_EN "Customer Archive"
!define PUBLISHER "The Customer Archive developers"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CustomerArchive"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Customer Archive"
InstallDirRegKey HKLM "Software\CustomerArchive" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT licence; Qt under LGPL-3.0"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\customer-archive-gui.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Section "Customer Archive" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "Software\CustomerArchive" "InstallDir" "$INSTDIR"

  SetShellVarContext all
  CreateDirectory "$SMPROGRAMS\${PRODUCT_EN}"
  CreateShortcut "$SMPROGRAMS\${PRODUCT_EN}\${PRODUCT}.lnk" "$INSTDIR\customer-archive-gui.exe"
  CreateShortcut "$SMPROGRAMS\${PRODUCT_EN}\Uninstall ${PRODUCT_EN}.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\customer-archive-gui.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Removes what the installer put there and nothing else: the archives, settings and logs live in
; the user's own folders (platformdirs), never in the program folder, and are kept.
Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${PRODUCT_EN}\${PRODUCT}.lnk"
  Delete "$SMPROGRAMS\${PRODUCT_EN}\Uninstall ${PRODUCT_EN}.lnk"
  RMDir "$SMPROGRAMS\${PRODUCT_EN}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\customer-archive.exe"
  Delete "$INSTDIR\customer-archive-gui.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\CustomerArchive"
SectionEnd
