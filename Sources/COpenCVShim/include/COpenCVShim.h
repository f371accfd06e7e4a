#ifndef COPENCVSHIM_H
#define COPENCVSHIM_H
#ifdef __cplusplus
extern "C" {
#endif

/// OpenCV's version string (CV_VERSION), e.g. "4.6.0". Static storage; never NULL.
const char *cvshim_opencv_version(void);

#ifdef __cplusplus
}
#endif
#endif
