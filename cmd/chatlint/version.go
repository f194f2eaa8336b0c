package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

// toolVersion is chatlint's version: set at build time, from the module
// version when installed with go install, else "dev".
func toolVersion() string {
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok && v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	if v == "" {
		v = "dev"
	}
	return v
}

func versionString() string {
	s := fmt.Sprintf("chatlint %s (%s, %s/%s)", toolVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	s += "\nsegmenter: gse " + match.GseVersion() + " dictionary and word boundaries (zh_s)"
	s += "\nbuilt-in packs: " + strings.Join(rules.BuiltinNames(), ", ")
	return s
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of chatlint, its segmenter and its built-in packs",
		Args:  argsExit2(noArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(cmd.OutOrStdout(), versionString())
			return nil
		},
	}
}
