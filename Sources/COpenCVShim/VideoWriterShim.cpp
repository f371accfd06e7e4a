#include "COpenCVShim.h"
#include <opencv2/core/version.hpp>

extern "C" const char *cvshim_opencv_version(void) { return CV_VERSION; }
