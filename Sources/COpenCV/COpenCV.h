#ifndef COPENCV_H
#define COPENCV_H
// Intentionally empty: this system-library target only carries OpenCV's pkg-config flags
// (include path and libraries) to the C++ shim in COpenCVShim. Swift never includes OpenCV's C++ headers.
#endif
