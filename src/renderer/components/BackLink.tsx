// ← 返回: back to where the clerk came from (the list with its filters, the search with its
// hits), as the browser's back and Alt+← do; to the library when there is nothing before.
export function BackLink({ label = '← 返回' }: { label?: string }) {
  return (
    <a
      href="#/"
      className="back"
      onClick={(e) => {
        if (history.length > 1) {
          e.preventDefault();
          history.back();
        }
      }}
    >
      {label}
    </a>
  );
}
