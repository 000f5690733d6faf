; Inno Setup script for the Windows installer of Saiken Desk (債権デスク).
; Build the one-folder app first:  pyinstaller installer\saiken-desk.spec
; then:                             iscc installer\saiken-desk.iss
; Installs per machine into Program Files; data stays in each user's %LOCALAPPDATA%\saiken-desk
; (nothing is written next to the executable).
#define AppName "債権デスク (Saiken Desk)"
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1E2D55-8E2B-4C7C-9C53-5A1D2B6E0A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Saiken Desk project
DefaultDirName={autopf}\SaikenDesk
DefaultGroupName=債権デスク
OutputBaseFilename=SaikenDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
UninstallDisplayName={#AppName}
SetupIconFile=..\resources\icons\saiken-desk.ico
UninstallDisplayIcon={app}\saiken-desk.exe

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Files]
Source: "..\dist\SaikenDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\債権デスク"; Filename: "{app}\saiken-desk.exe"; IconFilename: "{app}\saiken-desk.exe"
Name: "{group}\アンインストール"; Filename: "{uninstallexe}"

[UninstallDelete]
; The vault is the user's data: the uninstaller never deletes it. Erasure is done inside the app
; (消去証明書), by a supervisor.
