package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/messages"
)

// Config configures a preview server.
type Config struct {
	// Addr is the address to listen on, 127.0.0.1:8080 by default.
	Addr string
	// Build is how the site is built (its Content read through an fs.FS);
	// ContentDir is the content folder on disk, watched for changes.
	Build      build.Options
	ContentDir string
	// Watch are the folders watched besides the content folder (a theme
	// folder, UI strings read from disk); a change there reloads the
	// theme and the UI strings.
	Watch []string
	// Log receives what the terminal shows: the address, and every
	// rebuild with its errors and warnings.
	Log io.Writer
	// Debounce is how long the watcher waits after a change for more
	// (an editor saving writes several events); defaultDebounce when 0.
	Debounce time.Duration
	// Messages says what the terminal, the tabs' overlay and panel and
	// the status page show, in the editor's language; nil is English.
	Messages *messages.Printer
}

// defaultDebounce is short: the events of one save come within a
// millisecond, and a save caught half-done (its file missing or empty)
// waits longer (see watcher). TestOneBatchPerSave holds it to one build
// per save for each way editors save.
const defaultDebounce = 10 * time.Millisecond

// Server is a running preview. It serves the site from memory: nothing is
// written to disk, and nothing is left behind when it stops.
type Server struct {
	cfg      Config
	listener net.Listener
	site     *build.Memory
	session  *build.Session
	hub      *hub

	hosts   map[string]bool // Host values the server answers
	anyHost bool            // listening on all interfaces: any Host

	mu     sync.RWMutex
	built  bool          // a good build is being served
	last   *build.Result // the last build or update, good or not
	builds chan []string // batches of changed paths, for the builder
}

// New listens on cfg.Addr. Call Serve to build and serve; Close if Serve
// is never called.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Debounce == 0 {
		cfg.Debounce = defaultDebounce
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		if addrInUse(err) {
			return nil, &AddrInUseError{Addr: cfg.Addr, Next: nextAddr(cfg.Addr), Err: err}
		}
		return nil, err
	}
	s := &Server{cfg: cfg, listener: ln, site: build.NewMemory(), hub: newHub(), builds: make(chan []string, 16)}
	s.hosts, s.anyHost = allowedHosts(ln.Addr().(*net.TCPAddr))
	opt := cfg.Build
	opt.Preview = true
	opt.Incremental = true
	opt.DeferSearch = true
	s.session = build.NewSession(opt, s.site)
	return s, nil
}

// URL is the address to open in a browser.
func (s *Server) URL() string {
	a := s.listener.Addr().(*net.TCPAddr)
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(a.Port)) + "/"
}

// Loopback reports whether the server listens only on a loopback address.
func (s *Server) Loopback() bool {
	return s.listener.Addr().(*net.TCPAddr).IP.IsLoopback()
}

// Serve builds the site, serves it and publishes changes until ctx is done.
func (s *Server) Serve(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	roots := append([]string{s.cfg.ContentDir}, s.cfg.Watch...)
	w, err := newWatcher(roots, s.cfg.Debounce, s.builds, s.cfg.Log)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(s.listener) }()
	var wg sync.WaitGroup
	wg.Go(func() { w.run(ctx) })
	wg.Go(func() {
		s.apply(s.session.Build(ctx))
		s.finishSearch()
		s.hub.broadcast(s.statusEvent())
		s.rebuildLoop(ctx)
	})
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	s.hub.close()
	shutdown, stop := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer stop()
	_ = srv.Shutdown(shutdown)
	cancel()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Close releases the listener of a server whose Serve was never called.
func (s *Server) Close() error {
	return s.listener.Close()
}

// rebuildLoop publishes each batch of changes, one at a time.
func (s *Server) rebuildLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case paths := <-s.builds:
			s.apply(s.session.Update(ctx, s.changes(paths)))
			// The search index is written after the tabs were told to
			// reload: it is not needed to show the page. The status
			// follows, when everything is written.
			s.finishSearch()
			s.hub.broadcast(s.statusEvent())
		}
	}
}

func (s *Server) finishSearch() {
	for _, d := range s.session.FinishSearch() {
		fmt.Fprintln(s.cfg.Log, s.cfg.Messages.Line(d))
	}
}

// changes turns the file-system paths of a batch into the content folder's
// slash paths; a path outside it (theme, UI strings) is another change.
func (s *Server) changes(paths []string) build.Changes {
	var ch build.Changes
	root, err := filepath.Abs(s.cfg.ContentDir)
	for _, p := range paths {
		abs, aerr := filepath.Abs(p)
		rel, rerr := filepath.Rel(root, abs)
		if err != nil || aerr != nil || rerr != nil || !filepath.IsLocal(rel) {
			ch.Other = true
			continue
		}
		ch.Paths = append(ch.Paths, filepath.ToSlash(rel))
	}
	return ch
}

// apply records the outcome of a build or an update, prints it and tells
// the tabs.
func (s *Server) apply(r *build.Result) {
	errs, warns := split(r.Diags)
	s.mu.Lock()
	s.last = r
	if r.Committed {
		s.built = true
	}
	built := s.built
	s.mu.Unlock()
	// The tabs are told first: the pages are committed, and what the
	// terminal prints can wait.
	if r.Committed {
		s.hub.broadcast(event{name: "reload", data: reloadData{Moved: r.Moved, Changed: r.Changed}})
	}
	pr := s.cfg.Messages
	for _, d := range r.Diags {
		fmt.Fprintln(s.cfg.Log, pr.Line(d))
	}
	status := s.URL() + "_status/"
	switch {
	case len(errs) > 0 && built:
		fmt.Fprintln(s.cfg.Log, pr.Plural(len(errs), "%d error; still serving the last good pages (details: %s)",
			"%d errors; still serving the last good pages (details: %s)", len(errs), status))
	case len(errs) > 0:
		fmt.Fprintln(s.cfg.Log, pr.Plural(len(errs), "%d error; nothing to serve until it is fixed (details: %s)",
			"%d errors; nothing to serve until they are fixed (details: %s)", len(errs), status))
	default:
		now, took := time.Now().Format("15:04:05"), r.Duration.Round(time.Millisecond)
		line := pr.Plural(r.Pages, "%s built %d page in %s", "%s built %d pages in %s", now, r.Pages, took)
		if r.Full {
			line = pr.Sprintf("%s built the whole site in %s", now, took)
		}
		if len(warns) > 0 {
			line += pr.Plural(len(warns), ", %d warning", ", %d warnings", len(warns))
		}
		fmt.Fprintln(s.cfg.Log, line)
	}
}

type reloadData struct {
	Moved   map[string]string `json:"moved,omitempty"`
	Changed []string          `json:"changed,omitempty"`
}

func split(ds []*diag.Diagnostic) (errs, warns []*diag.Diagnostic) {
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		} else {
			warns = append(warns, d)
		}
	}
	return errs, warns
}

// problem is a diagnostic as the overlay and the warnings panel show it.
type problem struct {
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// status is what every tab is told after each build: the errors (an
// overlay), the warnings (a small panel) and where the full report is.
type status struct {
	// Building tells that the first build has not finished yet.
	Building bool      `json:"building,omitempty"`
	Errors   []problem `json:"errors"`
	Warnings []problem `json:"warnings"`
	Report   string    `json:"report"`
	// Labels are the overlay's and the panel's words in the editor's
	// language: live.js writes no text of its own.
	Labels labels `json:"labels"`
}

// labels are the words of the overlay and the warnings panel.
type labels struct {
	Lang          string `json:"lang"`
	ErrorsTitle   string `json:"errorsTitle"`
	WarningsTitle string `json:"warningsTitle"`
	ReportLink    string `json:"reportLink"`
	Hide          string `json:"hide"`
	HideWarnings  string `json:"hideWarnings"`
}

// newLabels says the labels; built tells whether good pages are being
// shown behind the overlay.
func newLabels(pr *messages.Printer, errors, warnings int, report string, built bool) labels {
	title := pr.Plural(errors, "The handbook has %d error; the last good pages are shown until it is fixed",
		"The handbook has %d errors; the last good pages are shown until they are fixed", errors)
	if !built {
		title = pr.Plural(errors, "The handbook has %d error; there is nothing to show until it is fixed",
			"The handbook has %d errors; there is nothing to show until they are fixed", errors)
	}
	return labels{
		Lang:          pr.Lang(),
		ErrorsTitle:   title,
		WarningsTitle: pr.Plural(warnings, "%d warning", "%d warnings", warnings),
		ReportLink:    pr.Sprintf("Full report: %s", report),
		Hide:          pr.Sprintf("Hide"),
		HideWarnings:  pr.Sprintf("Hide the warnings"),
	}
}

func problems(pr *messages.Printer, ds []*diag.Diagnostic) []problem {
	ps := make([]problem, len(ds))
	for i, d := range ds {
		ps[i] = problem{Path: d.Path, Line: d.Line, Col: d.Col, Message: pr.Message(d)}
	}
	return ps
}

// statusEvent is the current status.
func (s *Server) statusEvent() event {
	s.mu.RLock()
	defer s.mu.RUnlock()
	pr := s.cfg.Messages
	st := status{Errors: []problem{}, Warnings: []problem{}, Report: "/_status/"}
	if s.last != nil {
		errs, warns := split(s.last.Diags)
		st.Errors, st.Warnings = problems(pr, errs), problems(pr, warns)
	} else {
		st.Building = true
	}
	st.Labels = newLabels(pr, len(st.Errors), len(st.Warnings), st.Report, s.built)
	return event{name: "status", data: st}
}

// allowedHosts lists the Host header values that name this server. On a
// loopback address that is the address and localhost; on every interface
// (0.0.0.0), asked for explicitly, any host.
func allowedHosts(a *net.TCPAddr) (map[string]bool, bool) {
	port := fmt.Sprint(a.Port)
	hosts := map[string]bool{net.JoinHostPort(a.IP.String(), port): true}
	if a.IP.IsLoopback() {
		for _, h := range []string{"localhost", "127.0.0.1", "::1"} {
			hosts[net.JoinHostPort(h, port)] = true
		}
	}
	return hosts, a.IP.IsUnspecified()
}

func (s *Server) allowedHost(host string) bool {
	return s.anyHost || s.hosts[strings.ToLower(host)]
}

func (s *Server) allowedOrigin(origin string) bool {
	scheme, host, ok := strings.Cut(origin, "://")
	return ok && scheme == "http" && s.allowedHost(host)
}
