package server

import (
	"bufio"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// benchStream is the events client of the benchmark.
type benchStream struct{ events chan sse }

func listenB(b *testing.B, s *Server) *benchStream {
	b.Helper()
	var resp *http.Response
	var err error
	for range 100 {
		if resp, err = http.Get(s.URL() + "_handbook/events"); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		b.Fatal(err)
	}
	st := &benchStream{events: make(chan sse, 16)}
	b.Cleanup(func() { resp.Body.Close() })
	go func() {
		sc := bufio.NewScanner(resp.Body)
		var e sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				e.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				e.data = line[len("data: "):]
			case line == "" && e.name != "":
				st.events <- e
				e = sse{}
			}
		}
	}()
	return st
}

// wait returns the next event named one of a or c.
func (st *benchStream) wait(b *testing.B, a, c string, timeout time.Duration) sse {
	b.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case e := <-st.events:
			if e.name == a || e.name == c {
				return e
			}
		case <-deadline:
			b.Fatalf("no %s or %s event", a, c)
		}
	}
}

func readAll(resp *http.Response) string {
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return string(data)
}
