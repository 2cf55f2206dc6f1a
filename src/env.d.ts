declare namespace App {
  interface Locals {
    /** Counts live elements while a page renders, for unique and reproducible element ids. */
    liveIdCounter?: number;
  }
}
