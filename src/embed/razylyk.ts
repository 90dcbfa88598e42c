// Script-tag entry (filled in by the embedding issue).
import { getRazylyk } from '../core/instance.js';
getRazylyk(window.razylykConfig ?? {});
