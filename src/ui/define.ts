// Registers the razylyk custom elements (filled in by the UI issue).
export {};
