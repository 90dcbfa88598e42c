// razylyk/host: the host-page side of the iframe bridge (filled in by the embedding issue).
export {};
