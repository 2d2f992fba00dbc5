# The dependency rule of docs/architecture.md, enforced by the include path.
#
# Sources include each other from the repository root ("models/domain/entities.h", "sync/syncengine.h"), but the
# root itself is on no target's include path: a library offers only its own folder, through a directory of the
# build tree that holds one link to it,
#     <build>/include-roots/models/models -> <source>/models
# and that directory travels to the targets that link the library. A header of a library a target does not link
# is therefore not found: models/ cannot reach ui/ or sync/, server/ cannot reach sync/ or ui/, and ui/ cannot
# reach bench/ or tests/ (tests/layer_rule checks the same rule on the text of every #include).
#
# pd_include_root(<folder> <var>) makes the directory and sets <var> to it; pd_offer_include_root(<target>
# <PUBLIC|PRIVATE|INTERFACE> <folder>) puts it on a target. Where the file system cannot make a symbolic link
# (Windows without developer mode), the repository root is used instead and only tests/layer_rule guards the rule.
function(pd_include_root folder out_var)
    set(root "${PROJECT_BINARY_DIR}/include-roots/${folder}")
    set(link "${root}/${folder}")
    set(target "${PROJECT_SOURCE_DIR}/${folder}")
    if(IS_SYMLINK "${link}")
        file(READ_SYMLINK "${link}" current)
        if(NOT current STREQUAL target)
            file(REMOVE "${link}")
        endif()
    endif()
    if(NOT IS_SYMLINK "${link}")
        file(MAKE_DIRECTORY "${root}")
        file(CREATE_LINK "${target}" "${link}" RESULT failed SYMBOLIC)
        if(failed)
            message(STATUS "No symbolic link for ${folder}/ (${failed}): the repository root is on its include path")
            set(${out_var} "${PROJECT_SOURCE_DIR}" PARENT_SCOPE)
            return()
        endif()
    endif()
    set(${out_var} "${root}" PARENT_SCOPE)
endfunction()

function(pd_offer_include_root target scope folder)
    pd_include_root(${folder} root)
    target_include_directories(${target} ${scope} "${root}")
endfunction()
