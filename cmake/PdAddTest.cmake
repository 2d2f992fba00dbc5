# pd_add_test(<name> SOURCES <files...> [LIBS <targets...>] [LABELS unit|integration|ui|slow|drill ...]
#             [ENVIRONMENT VAR=value ...] [TIMEOUT seconds] [WRAPPER <command...>])
#
# Adds a Qt Test executable, registers it with CTest under the given labels and runs it with the
# offscreen platform and forced asserts, so widget tests need no display.
set(PD_TEST_LABELS unit integration ui slow drill)

function(pd_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT;WRAPPER" ${ARGN})
    if(NOT ARG_LABELS)
        message(FATAL_ERROR "pd_add_test(${name}): give at least one label of ${PD_TEST_LABELS}")
    endif()
    foreach(label IN LISTS ARG_LABELS)
        if(NOT label IN_LIST PD_TEST_LABELS)
            message(FATAL_ERROR "pd_add_test(${name}): unknown label '${label}' (known: ${PD_TEST_LABELS})")
        endif()
    endforeach()

    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE pd_settings Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE QT_FORCE_ASSERTS
        PD_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")

    add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_ASSERTS=1;LC_ALL=C.UTF-8;${ARG_ENVIRONMENT}")
endfunction()

# pd_add_test_run(<test-name> TARGET <test-executable> LABELS ... [ENVIRONMENT VAR=value ...] [TIMEOUT s])
#
# Registers one more run of an executable made by pd_add_test, e.g. the same suite under another time zone,
# without compiling it again.
function(pd_add_test_run name)
    cmake_parse_arguments(ARG "" "TARGET;TIMEOUT" "LABELS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    add_test(NAME ${name} COMMAND $<TARGET_FILE:${ARG_TARGET}>)
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_ASSERTS=1;LC_ALL=C.UTF-8;${ARG_ENVIRONMENT}")
endfunction()
