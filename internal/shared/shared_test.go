package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPath: the shared folder is the environment variable's when set, else
// the one beside the module root, from whichever package directory the
// test runs in.
func TestPath(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(filepath.Dir(wd)) // internal/shared → the module root
	for _, tc := range []struct {
		env  string
		elem []string
		want string
	}{
		{"", []string{"seeds"}, filepath.Join(filepath.Dir(root), "shared", "seeds")},
		{"", nil, filepath.Join(filepath.Dir(root), "shared")},
		{"/data/chatlint-shared", []string{"corpus", "raw"}, filepath.Join("/data/chatlint-shared", "corpus", "raw")},
	} {
		t.Setenv(EnvVar, tc.env)
		if got := Path(tc.elem...); got != tc.want {
			t.Errorf("%s=%q: Path(%q) = %q, want %q", EnvVar, tc.env, tc.elem, got, tc.want)
		}
	}
}
