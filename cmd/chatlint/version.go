package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chatlint/chatlint/rules"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func versionString() string {
	v := version
	deps := map[string]string{}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, d := range bi.Deps {
			deps[d.Path] = d.Version
		}
	}
	if v == "" {
		v = "dev"
	}
	s := fmt.Sprintf("chatlint %s (%s, %s/%s)", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	s += "\nsegmenter: gse"
	if g := deps["github.com/go-ego/gse"]; g != "" {
		s += " " + g
	}
	s += "\nbuilt-in packs: " + strings.Join(rules.BuiltinNames(), ", ")
	return s
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of chatlint, its segmenter and its built-in packs",
		Args:  argsExit2(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(cmd.OutOrStdout(), versionString())
			return nil
		},
	}
}
