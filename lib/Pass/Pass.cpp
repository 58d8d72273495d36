// Placeholder (helper in progress).
