package rules

import (
	"strings"
	"testing"
)

func TestReadableSource(t *testing.T) {
	tests := []struct{ name, source, want string }{
		{"one citation", "001_ed061126aded40bc.txt 五.三.4", "001《呼叫中心管理制度》五.三.4"},
		{"clauses of one regulation in a row share its title",
			"001_ed061126aded40bc.txt 五.五.2, 001_ed061126aded40bc.txt 五.五.3, 002_72f8fcf5f6530284.txt 十四, 000_c3c0c20a3640b639.txt 一.7",
			"001《呼叫中心管理制度》五.五.2、五.五.3；002《客服部工作范围问与答》十四；000《电商(天猫)客服工作制度》一.7"},
		{"a clause of several words", "003_9109ec1affdfad66.txt 篇二十 3 告別語", "003《客服手機管理制度》篇二十 3 告別語"},
		{"a regulation cited again after another repeats its title",
			"003_9109ec1affdfad66.txt 篇一 7, 000_c3c0c20a3640b639.txt 二.12, 003_9109ec1affdfad66.txt 篇二十 1",
			"003《客服手機管理制度》篇一 7；000《电商(天猫)客服工作制度》二.12；003《客服手機管理制度》篇二十 1"},
		{"a user's own citation beside a built-in one is kept",
			"店规 3.2, 001_ed061126aded40bc.txt 五.四", "店规 3.2；001《呼叫中心管理制度》五.四"},
		{"a user's own citations alone are unchanged", "店规 3.2, 店规 3.3", "店规 3.2, 店规 3.3"},
		{"a seed file without a clause", "004_780e41bcc3e266cf.txt", "004《电商平台客服服务标准与沟通手册》"},
		{"empty", "", ""},
		{"a look-alike file name is not a seed", "005_ffffffffffffffff.txt 一", "005_ffffffffffffffff.txt 一"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ReadableSource(tt.source); got != tt.want {
				t.Errorf("ReadableSource(%q) = %q, want %q", tt.source, got, tt.want)
			}
		})
	}
}

// TestReadableSourceKnowsEveryCitedRegulation: every citation of a
// built-in rule names a regulation ReadableSource has a title for, so that
// no built-in rule shows a reader a seed file name.
func TestReadableSourceKnowsEveryCitedRegulation(t *testing.T) {
	if len(citedDocuments) != len(seedFiles) {
		t.Errorf("%d titled regulations, %d seed files", len(citedDocuments), len(seedFiles))
	}
	for _, f := range seedFiles {
		if citedDocuments[f].title == "" {
			t.Errorf("seed %s has no title", f)
		}
	}
	for _, name := range BuiltinNames() {
		set, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range set.Rules() {
			if pr.Rule.Source == "" {
				continue
			}
			got := ReadableSource(pr.Rule.Source)
			if strings.Contains(got, ".txt") {
				t.Errorf("%s: %q still names a seed file", pr.FullID(), got)
			}
		}
	}
}
