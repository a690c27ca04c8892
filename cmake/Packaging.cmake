# Installation extras and the Debian package:
#   cmake --install build --prefix /usr/local     # bin/, lib/, share/preemptlint/, share/man/man1/
#   cd build && cpack -G DEB                      # preemptlint_<version>_amd64.deb
install(FILES ${CMAKE_SOURCE_DIR}/docs/preemptlint.1 DESTINATION share/man/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME preemptlint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "preemptlint maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "preemption-safety checks for Linux kernel C code (command line, clang-tidy plugin, Kbuild checker)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Built against Debian 12's LLVM 19 (libclang-cpp19, libllvm19); the plugin
# is loaded by clang-tidy-19.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-cpp19, libllvm19, libstdc++6, libc6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-19")
include(CPack)
