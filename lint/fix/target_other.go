//go:build !unix

package fix

import (
	"io/fs"
	"os"
)

// Writable reports why the user running chatlint may not write the file
// at path (nil: they may), the reason alone: here, that the file is marked
// read-only (fs.ErrPermission).
func Writable(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o222 == 0 {
		return fs.ErrPermission
	}
	return nil
}

// Links is how many names (hard links) the file st describes has: 1 where
// the system does not say (here, always).
func Links(st fs.FileInfo) uint64 { return 1 }
