// Package shared locates the project's shared folder: the real corpora
// (corpus/raw), the source regulations (seeds) and the design contract
// that live beside the repository, never in it. Tests and the benchmark
// read them from there and skip what needs them when the folder is absent.
package shared

import (
	"os"
	"path/filepath"
)

// EnvVar names the environment variable that points at the shared folder,
// for a clone that does not sit beside it.
const EnvVar = "CHATLINT_SHARED"

// Path joins elem to the shared folder: $CHATLINT_SHARED when set, else the
// folder named shared beside the module root (the directory holding go.mod,
// found from the working directory up). With no module root found, it is
// ../shared from the working directory.
func Path(elem ...string) string {
	dir := os.Getenv(EnvVar)
	if dir == "" {
		dir = filepath.Join("..", "shared")
		if root, ok := moduleRoot(); ok {
			dir = filepath.Join(filepath.Dir(root), "shared")
		}
	}
	return filepath.Join(append([]string{dir}, elem...)...)
}

// moduleRoot is the nearest directory at or above the working directory
// that holds a go.mod file.
func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !st.IsDir() {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
