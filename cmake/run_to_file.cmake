# Writes what `PROGRAM --completion SHELL_NAME` prints to OUTPUT (cmake -DPROGRAM=... -DSHELL_NAME=...
# -DOUTPUT=... -P run_to_file.cmake): the build makes the shell completions by running the built
# binaries, so that they come from the option tables. OUTPUT appears whole or not at all.
execute_process(COMMAND ${PROGRAM} --completion ${SHELL_NAME} OUTPUT_FILE ${OUTPUT}.part
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${OUTPUT}.part)
  message(FATAL_ERROR "${PROGRAM} --completion ${SHELL_NAME} failed: ${status}")
endif()
file(RENAME ${OUTPUT}.part ${OUTPUT})
