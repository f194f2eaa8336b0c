//go:build unix

package transcript

import (
	"io/fs"
	"syscall"
)

// fileID is a file's device and inode number, when its FileInfo has them.
func fileID(st fs.FileInfo) (id [2]uint64, ok bool) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return [2]uint64{uint64(s.Dev), uint64(s.Ino)}, true
	}
	return id, false
}
