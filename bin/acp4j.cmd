@echo off
rem The Windows launcher of an agent built on acp4j (acp4j's own: the built-in agent).
rem stdout carries JSON-RPC only: every JVM message goes to stderr (-Xlog). No class-data
rem archive on Windows. ACP4J_JAVA_OPTS adds JVM options. Needs Java 17 or newer
rem (JAVA_HOME, else java on the PATH).
rem Release archive layout: bin\<name>.cmd, lib\*.jar, lib\launcher.conf (name=value lines).
setlocal EnableExtensions DisableDelayedExpansion

set "main_class=dev.acp4j.cli.Main"
set "app_home=%~dp0.."
for %%I in ("%app_home%") do set "app_home=%%~fI"

rem One-line ifs only: a block in parentheses breaks on a path such as "C:\Program Files (x86)".
if exist "%app_home%\lib\launcher.conf" for /f "usebackq eol=# tokens=1,* delims==" %%A in ("%app_home%\lib\launcher.conf") do set "%%A=%%B"
set "class_path=%app_home%\agent-server\target\acp4j.jar;%app_home%\agent-server\target\lib\*"
if exist "%app_home%\lib\" set "class_path=%app_home%\lib\*"

set "java_exe=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "java_exe=%JAVA_HOME%\bin\java.exe"

"%java_exe%" -Xlog:disable -Xlog:all=warning:stderr ^
  -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:NewSize=4m -XX:MaxRAM=1g -XX:-UsePerfData ^
  %ACP4J_JAVA_OPTS% ^
  "-Dacp4j.launcher=%~f0" ^
  -cp "%class_path%" %main_class% %*
exit /b %ERRORLEVEL%
