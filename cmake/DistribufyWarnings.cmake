# Warning flags for the project's own targets (never for third-party code),
# and the sanitizer configuration used by one CI job.
add_library(distribufy_warnings INTERFACE)
target_compile_options(distribufy_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wno-unused-parameter -Wimplicit-fallthrough)
if(DISTRIBUFY_WERROR)
  target_compile_options(distribufy_warnings INTERFACE -Werror)
endif()

if(DISTRIBUFY_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
