package transcript

import (
	"strings"
	"testing"
)

// The unknown-role hint maps a common value written in Traditional script
// to the role its Simplified twin stands for: a customer's 顧客 is not
// suggested as an agent, which pasted as it is would lint customers as
// agents.
func TestUnknownRoleHintTraditional(t *testing.T) {
	for value, want := range map[string]string{
		"顧客": "--roles '顧客=customer'", "用戶": "--roles '用戶=customer'", "買家": "--roles '買家=customer'",
		"客戶": "--roles '客戶=customer'", "訪客": "--roles '訪客=customer'", "賣家": "--roles '賣家=agent'",
		"機器人": "--roles '機器人=bot'", "機器人客服": "--roles '機器人客服=bot'", "系統": "--roles '系統=system'",
		"系統消息": "--roles '系統消息=system'", "系統訊息": "--roles '系統訊息=system'",
	} {
		if why := unknownRole(value); !strings.Contains(why, want) {
			t.Errorf("unknownRole(%q) = %q, want %s", value, why, want)
		}
	}
}
