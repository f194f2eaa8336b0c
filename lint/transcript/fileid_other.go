//go:build !unix

package transcript

import "io/fs"

// fileID is a file's device and inode number, when its FileInfo has them
// (not here: os.SameFile tells files apart).
func fileID(fs.FileInfo) (id [2]uint64, ok bool) { return id, false }
