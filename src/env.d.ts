declare namespace App {
  interface Locals {
    /** Counts live elements while a page renders, for unique and reproducible element ids. */
    liveIdCounter?: number;
    /** Set once the page's model instances have been written for the browser (LivePage.astro). */
    livePageWritten?: boolean;
    /**
     * Set by an embed page (src/pages/embed/[widget].astro) for the widget it shows: the chapter
     * the widget comes from, whose frontmatter declares its instances, and the widget's id.
     */
    embed?: { file: string; data: { models?: unknown }; id: string; lang: 'en' | 'zh-CN' };
  }
}
