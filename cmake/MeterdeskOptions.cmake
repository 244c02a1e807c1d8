# One interface target carries the language standard, Qt's strictness defines
# and the warning flags for every target of the project.
add_library(meterdesk_options INTERFACE)
target_compile_features(meterdesk_options INTERFACE cxx_std_20)
target_compile_definitions(meterdesk_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS)
target_compile_options(meterdesk_options INTERFACE -Wall -Wextra -Wpedantic)
if(METERDESK_WERROR)
    target_compile_options(meterdesk_options INTERFACE -Werror)
endif()
