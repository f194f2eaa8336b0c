//go:build linux || darwin

package report

import (
	"fmt"
	"syscall"
	"testing"
)

// TestSystemErrorsSaidInChinese: the system's errors a file can give when
// it is opened or read (an unreadable file's reason, or a read that stops
// at a line) read in Chinese, in this system's words for them.
func TestSystemErrorsSaidInChinese(t *testing.T) {
	var reasons []libraryReason
	for _, errno := range []syscall.Errno{
		syscall.ENOENT, syscall.EACCES, syscall.EISDIR, syscall.EIO, syscall.ENOTDIR, syscall.ELOOP,
		syscall.ENAMETOOLONG, syscall.EPERM, syscall.ENXIO, syscall.ENODEV, syscall.EMFILE, syscall.ENFILE,
		syscall.ENOMEM, syscall.EAGAIN, syscall.EBUSY, syscall.ETXTBSY, syscall.EINVAL, syscall.EBADF,
		syscall.ESTALE, syscall.EOVERFLOW, syscall.EINTR, syscall.ETIMEDOUT, syscall.ECONNRESET,
		syscall.ENOTCONN, syscall.EHOSTDOWN, syscall.EDEADLK, syscall.EFBIG,
	} {
		reasons = append(reasons,
			libraryReason{fmt.Sprintf("errno %d", errno), errno.Error()},
			libraryReason{fmt.Sprintf("errno %d", errno), fmt.Errorf("line %d: %w", 12, errno).Error()})
	}
	saidInChinese(t, reasons)
}
