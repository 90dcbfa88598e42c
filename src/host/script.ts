// Script-tag entry of the host helper (filled in by the embedding issue).
export {};
