# The one INTERFACE target that carries the compile settings every ParcelDesk target shares.
add_library(pd_settings INTERFACE)
add_library(ParcelDesk::settings ALIAS pd_settings)

target_compile_features(pd_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(pd_settings INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic>
    $<$<AND:$<BOOL:${PD_WERROR}>,$<CXX_COMPILER_ID:GNU,Clang>>:-Werror>
    $<$<CXX_COMPILER_ID:MSVC>:/W4 /utf-8>
    $<$<AND:$<BOOL:${PD_WERROR}>,$<CXX_COMPILER_ID:MSVC>>:/WX>)

target_compile_definitions(pd_settings INTERFACE
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_KEYWORDS
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER)

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()
