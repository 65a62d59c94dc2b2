# -*- Python -*-
# Runs the GoogleTest binaries of the build tree (unittests/) under lit, so
# check-attnc reports lit and unit tests together.

import os
import lit.formats

config.name = "ATTNC-Unit"
config.suffixes = []
config.test_exec_root = os.path.join(config.attnc_obj_root, "unittests")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
