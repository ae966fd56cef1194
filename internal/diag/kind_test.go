package diag

import "testing"

// TestKinds: every kind has a name of its own, which KindNamed finds.
func TestKinds(t *testing.T) {
	seen := map[string]Kind{}
	for _, k := range Kinds() {
		name := k.String()
		if name == "" || name[0] == 'k' && len(name) > 5 && name[:5] == "kind(" {
			t.Errorf("kind %d has no name", k)
		}
		if other, ok := seen[name]; ok {
			t.Errorf("kinds %d and %d are both %q", other, k, name)
		}
		seen[name] = k
		if got, ok := KindNamed(name); !ok || got != k {
			t.Errorf("KindNamed(%q) = %v, %v", name, got, ok)
		}
	}
	if _, ok := KindNamed("no-such-kind"); ok {
		t.Error("KindNamed found a kind that does not exist")
	}
	if Kind(0).String() != "kind(0)" {
		t.Errorf("the zero kind is %q", Kind(0))
	}
}
