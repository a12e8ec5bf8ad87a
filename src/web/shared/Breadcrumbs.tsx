/**
 * "Trang chủ › Tỉnh … › Huyện … › Xã … › Sổ … › Bản ghi": where the screen is, each step but the last a link.
 * `unitCrumbs` turns a book's unit chain (province first) into steps that open the books of that unit.
 */
export interface Crumb {
  label: string;
  href?: string;
}

/** A unit chain (from a described book) as steps to the books of each unit. */
export function unitCrumbs(chain: readonly { id: string; name: string }[] | undefined): Crumb[] {
  return (chain ?? []).map((u) => ({ label: u.name, href: `#/books?${new URLSearchParams({ unit: u.id, name: u.name }).toString()}` }));
}

export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label="Đường dẫn" className="crumbs">
      <ol>
        <li>
          <a href="#/">Trang chủ</a>
        </li>
        {items.map((c, i) => (
          <li key={`${i}-${c.label}`}>{c.href && i < items.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
