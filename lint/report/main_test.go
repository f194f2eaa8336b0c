package report

import (
	"os"
	"testing"
)

// TestMain runs the tests outside any GitHub Actions job, whichever runs
// them: in one, $GITHUB_WORKSPACE names the files of annotations and SARIF
// results relative to the checkout (CheckoutPath), and the tests expect
// the names they gave. The tests of CheckoutPath set it themselves.
func TestMain(m *testing.M) {
	os.Unsetenv("GITHUB_WORKSPACE")
	os.Exit(m.Run())
}
