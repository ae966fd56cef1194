// Package folder reads a folder the user named (the content folder, a theme
// override folder) through an fs.FS without ever leaving it.
//
// The fs.FS is expected to be an os.Root's (os.OpenRoot(dir).FS()), which
// already refuses any path or symbolic link that resolves outside the
// folder. This package adds what a site generator needs on top: a walk that
// follows symbolic links which stay inside the folder (a shared images
// folder linked into two sections works like the folder it points to),
// clear errors at the link's own path for those that do not ("links
// outside the content folder are not published"), loops refused instead of
// walked forever, and anything that is not a regular file or a folder (a
// named pipe, a device) refused before it is read.
//
// Links are resolved lexically, one component at a time, through
// fs.ReadLinkFS, so the answer does not depend on the operating system
// following them; an absolute link target is refused even when it happens
// to name a place inside the folder, because the folder may be moved.
package folder
