//go:build unix

package fix

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// Writable reports why the user running chatlint may not write the file
// at path (nil: they may), the reason alone (it does not name the file): no
// write permission for them (an error that is fs.ErrPermission), a
// read-only file system. As for the system's other tools, the superuser
// may write any file with no write permission.
func Writable(path string) error {
	return unix.Access(path, unix.W_OK) // an errno: EACCES, EROFS
}

// Links is how many names (hard links) the file st describes has: 1 where
// the system does not say.
func Links(st fs.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Nlink)
	}
	return 1
}
