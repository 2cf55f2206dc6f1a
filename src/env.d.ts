declare namespace App {
  interface Locals {
    /** Counts live elements while a page renders, for unique and reproducible element ids. */
    liveIdCounter?: number;
    /** Set once the page's model instances have been written for the browser (LivePage.astro). */
    livePageWritten?: boolean;
  }
}
