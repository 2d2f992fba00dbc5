# CPack: a Debian package on Linux (`make package` → `cpack -G DEB` in the build folder), an NSIS installer
# with windeployqt on Windows, a DragNDrop disk image with macdeployqt on macOS. See docs/packaging.md.
#
# One package holds both programs: a team runs the console and, on one of its machines, the server; one
# version number and one install keep them in step. The data files (icons, desktop entry, metainfo, man
# pages, systemd unit) are in packaging/, whose CMakeLists.txt also holds their install rules.

# Where the systemd unit goes, relative to the /usr prefix (Debian 12 has a merged /usr: lib/systemd/system
# and /usr/lib/systemd/system are the same folder; lintian checks for the latter).
set(PD_SYSTEMD_UNIT_DIR lib/systemd/system CACHE STRING "systemd unit folder, relative to the install prefix")

add_subdirectory(${PROJECT_SOURCE_DIR}/packaging ${PROJECT_BINARY_DIR}/packaging)

# --- Common ---
set(CPACK_PACKAGE_NAME parceldesk)
set(CPACK_PACKAGE_VENDOR "ParcelDesk contributors")
set(CPACK_PACKAGE_CONTACT "ParcelDesk maintainers <maintainers@parceldesk.example>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Debian wants description lines under 80 characters (lintian counts the leading space): keep the breaks.
set(CPACK_PACKAGE_DESCRIPTION
    "ParcelDesk is the desktop console of a parcel-delivery call centre:
complaint tickets, waybills and their tracking, call-backs, SLA deadlines
on business-hours calendars and live courier positions, in English,
Simplified Chinese and Traditional Chinese. It keeps working from a local
cache when the network is down.
.
This package also contains parceldesk-server, the reference backend
(SQLite for one team, PostgreSQL for several instances), and a systemd
unit for it.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY ParcelDesk)
set(CPACK_PACKAGE_EXECUTABLES parceldesk ParcelDesk)
set(CPACK_PACKAGE_CHECKSUM SHA256)
# RelWithDebInfo binaries carry their debug information; the package does not.
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/")

# --- Debian (.deb) ---
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # parceldesk_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Libraries the programs link (Qt, QtKeychain, libxlsxwriter, SQLite…) come from dpkg-shlibdeps; plugins are
# loaded at run time, so they are named here: the SQLite driver (the cache and the server's default
# database), the SVG image and icon-engine plugins, and the CJK fonts the UI, PDF and XLSX use.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, fonts-noto-cjk")
# QtKeychain needs a Secret Service to remember sessions; without one the console asks for the password.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
# postinst creates the system user of parceldesk-server.service (packaging/systemd/*.sysusers).
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/packaging/debian/postinst)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libqt6sql6-psql, sqlite3, postgresql-client, qt6-wayland")

# --- Windows: NSIS installer; windeployqt copies Qt's DLLs, plugins and translations next to the programs.
if(WIN32)
    set(CPACK_GENERATOR NSIS)
    set(CPACK_NSIS_PACKAGE_NAME "ParcelDesk ${PROJECT_VERSION}")
    set(CPACK_NSIS_DISPLAY_NAME ParcelDesk)
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin/parceldesk.exe)
    set(CPACK_NSIS_MUI_ICON "${PD_ICO_FILE}")
    set(CPACK_NSIS_MUI_UNIICON "${PD_ICO_FILE}")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH OFF)
    set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)

    find_program(PD_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
    if(PD_WINDEPLOYQT)
        # Runs when CPack stages the install tree: Qt first, then the other DLLs the programs need
        # (QtKeychain, libxlsxwriter, SQLite), found with the same search CMake's install() uses.
        set(_pd_deploy [=[
            set(_bin "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/bin")
            execute_process(COMMAND "@PD_WINDEPLOYQT@" --release --no-compiler-runtime --dir "${_bin}"
                                    "${_bin}/parceldesk.exe" "${_bin}/parceldesk-server.exe"
                            RESULT_VARIABLE _rc)
            if(NOT _rc EQUAL 0)
                message(FATAL_ERROR "windeployqt failed (${_rc})")
            endif()
            file(GET_RUNTIME_DEPENDENCIES
                 EXECUTABLES "${_bin}/parceldesk.exe" "${_bin}/parceldesk-server.exe"
                 RESOLVED_DEPENDENCIES_VAR _deps
                 DIRECTORIES "@QT6_INSTALL_PREFIX@/bin" $ENV{PATH}
                 PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
                 POST_EXCLUDE_REGEXES "[Ss][Yy][Ss][Tt][Ee][Mm]32")
            file(INSTALL ${_deps} DESTINATION "${_bin}")
        ]=])
        string(CONFIGURE "${_pd_deploy}" _pd_deploy @ONLY)
        install(CODE "${_pd_deploy}")
    else()
        message(WARNING "windeployqt not found: the NSIS installer would lack Qt's DLLs")
    endif()
    include(InstallRequiredSystemLibraries) # the MSVC runtime

# --- macOS: DragNDrop disk image of parceldesk.app; macdeployqt puts Qt inside the bundle.
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME ParcelDesk)
    set(CPACK_DMG_FORMAT UDBZ)
    set_target_properties(parceldesk PROPERTIES
        MACOSX_BUNDLE_GUI_IDENTIFIER example.parceldesk.ParcelDesk
        MACOSX_BUNDLE_BUNDLE_NAME ParcelDesk
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_ICON_FILE parceldesk.icns)
    find_program(PD_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
    find_program(PD_ICONUTIL iconutil)
    set(PD_ICON_DIR ${PROJECT_BINARY_DIR}/packaging/hicolor)
    if(PD_MACDEPLOYQT)
        # The icon set from the rendered PNGs, then Qt and QtKeychain into the bundle.
        set(_pd_deploy [=[
            set(_app "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/parceldesk.app")
            set(_set "@PROJECT_BINARY_DIR@/packaging/parceldesk.iconset")
            file(MAKE_DIRECTORY "${_set}")
            foreach(_pair 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x 256:256x256
                          512:256x256@2x 512:512x512)
                string(REPLACE ":" ";" _pair "${_pair}")
                list(GET _pair 0 _px)
                list(GET _pair 1 _name)
                file(COPY_FILE "@PD_ICON_DIR@/${_px}x${_px}/apps/parceldesk.png" "${_set}/icon_${_name}.png")
            endforeach()
            execute_process(COMMAND "@PD_ICONUTIL@" -c icns -o "${_app}/Contents/Resources/parceldesk.icns" "${_set}")
            execute_process(COMMAND "@PD_MACDEPLOYQT@" "${_app}" -always-overwrite RESULT_VARIABLE _rc)
            if(NOT _rc EQUAL 0)
                message(FATAL_ERROR "macdeployqt failed (${_rc})")
            endif()
        ]=])
        string(CONFIGURE "${_pd_deploy}" _pd_deploy @ONLY)
        install(CODE "${_pd_deploy}")
    else()
        message(WARNING "macdeployqt not found: the disk image would lack Qt's frameworks")
    endif()
else()
    set(CPACK_GENERATOR DEB)
endif()

include(CPack)
