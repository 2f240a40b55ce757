; The Windows installer of govdesk (NSIS 3, Unicode).
;
; Installs the PyInstaller one-folder bundle (dist\govdesk: govdesk.exe = 窗口, govdesk-cli.exe = 命令行)
; for the current user, without administrator rights, into %LOCALAPPDATA%\Programs\govdesk.
;
; The clerk's data lives elsewhere — platformdirs' %LOCALAPPDATA%\govdesk (database, backups,
; attachments, print archive; see govdesk/paths.py). This script never writes or deletes there:
; an upgrade replaces only the program files, and govdesk migrates the database at its next
; start after its own backup copy; the uninstaller removes the program and leaves the data.
;
; Compile (tests/package/build.py and .github/workflows/windows.yml do this):
;   makensis -DVERSION=0.1.0 -DBUNDLE_DIR=dist\govdesk -DOUT_FILE=dist\govdesk-0.1.0-setup.exe packaging\windows\govdesk.nsi
; VERSION comes from pyproject.toml (govdesk.__version__), the one place it is written.

; Paths read while compiling use "/" (makensis accepts it on Windows and Linux alike); paths on the
; clerk's PC ($INSTDIR…) use "\".

Unicode true
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"  ; the shipped setup; the compile checks pass -DCOMPRESSOR=zlib
!endif
SetCompressor ${COMPRESSOR}
RequestExecutionLevel user

!define APP "govdesk"
!define APP_TITLE "govdesk 村党群服务中心台账"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define ROOT "../.."  ; makensis works in the script's folder

!ifndef VERSION
  !error "请用 -DVERSION=… 给出版本号（pyproject.toml 中的 version）"
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "${ROOT}/dist/${APP}"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "${ROOT}/dist/${APP}-${VERSION}-setup.exe"
!endif

; The bundle must be the two-executable one-folder build of build.spec.
!if /FileExists "${BUNDLE_DIR}/govdesk.exe"
!else
  !error "找不到 ${BUNDLE_DIR}/govdesk.exe：请先运行 pyinstaller build.spec"
!endif
!if /FileExists "${BUNDLE_DIR}/govdesk-cli.exe"
!else
  !error "找不到 ${BUNDLE_DIR}/govdesk-cli.exe：请先运行 pyinstaller build.spec"
!endif
!if /FileExists "${BUNDLE_DIR}/_internal/*.*"
!else
  !error "找不到 ${BUNDLE_DIR}/_internal：请先运行 pyinstaller build.spec"
!endif

Name "${APP_TITLE} ${VERSION}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
; An upgrade goes where the earlier version was installed.
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
ShowInstDetails show
ShowUninstDetails show

!include "MUI2.nsh"

!define MUI_ICON "${ROOT}/resources/icons/govdesk.ico"
!define MUI_UNICON "${ROOT}/resources/icons/govdesk.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "安装 ${APP_TITLE} ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "本程序将安装到您自己的用户目录，不需要管理员权限。$\r$\n$\r$\n台账数据保存在 %LOCALAPPDATA%\${APP}，升级和卸载都不会删除它；升级后第一次打开时，程序会先备份数据库再升级。$\r$\n$\r$\n安装前请关闭正在运行的 govdesk。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\govdesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开 govdesk"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; Program files only: the two executables and the bundle's _internal folder.
!macro RemoveProgramFiles
  Delete "$INSTDIR\govdesk.exe"
  Delete "$INSTDIR\govdesk-cli.exe"
  RMDir /r "$INSTDIR\_internal"
!macroend

!macro RemoveShortcuts
  Delete "$SMPROGRAMS\${APP}\govdesk 窗口.lnk"
  Delete "$SMPROGRAMS\${APP}\govdesk 命令行.lnk"
  Delete "$SMPROGRAMS\${APP}\卸载 govdesk.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$DESKTOP\govdesk 窗口.lnk"
  Delete "$DESKTOP\govdesk 命令行.lnk"
!macroend

Section "govdesk" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; Upgrade: the earlier version's program files go first so no stale module is left behind.
  DetailPrint "删除旧版本的程序文件（不涉及台账数据）"
  !insertmacro RemoveProgramFiles
  File "${BUNDLE_DIR}/govdesk.exe"
  File "${BUNDLE_DIR}/govdesk-cli.exe"
  File /r "${BUNDLE_DIR}/_internal"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "Software\${APP}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_TITLE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "govdesk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\govdesk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  ; Shortcuts start in the user's folder, so files the clerk exports land there.
  SetOutPath "$PROFILE"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortCut "$SMPROGRAMS\${APP}\govdesk 窗口.lnk" "$INSTDIR\govdesk.exe" "" "$INSTDIR\govdesk.exe" 0
  ; 命令行: a console with govdesk-cli on its PATH, showing the list of commands.
  CreateShortCut "$SMPROGRAMS\${APP}\govdesk 命令行.lnk" "$SYSDIR\cmd.exe" \
    '/k "set "PATH=$INSTDIR;%PATH%" && govdesk-cli --help"' "$INSTDIR\govdesk-cli.exe" 0
  CreateShortCut "$SMPROGRAMS\${APP}\卸载 govdesk.lnk" "$INSTDIR\uninstall.exe"
  CreateShortCut "$DESKTOP\govdesk 窗口.lnk" "$INSTDIR\govdesk.exe" "" "$INSTDIR\govdesk.exe" 0
  CreateShortCut "$DESKTOP\govdesk 命令行.lnk" "$SYSDIR\cmd.exe" \
    '/k "set "PATH=$INSTDIR;%PATH%" && govdesk-cli --help"' "$INSTDIR\govdesk-cli.exe" 0
SectionEnd

Section "Uninstall"
  ; Only what the installer put there. The data folder (%LOCALAPPDATA%\govdesk) is never touched.
  !insertmacro RemoveShortcuts
  !insertmacro RemoveProgramFiles
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
  DetailPrint "台账数据仍保存在 $LOCALAPPDATA\${APP}（未删除）；如确实不再需要，可自行备份后删除。"
SectionEnd
