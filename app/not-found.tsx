import Link from 'next/link';
import './globals.css';

// Reached only for paths outside every locale (the proxy prefixes everything else), on any host:
// so it names no product, a white-label brand's host included.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center">
        <div className="text-center">
          <h1 className="text-2xl font-semibold">404</h1>
          <Link className="text-accent underline" href="/en">
            Home · 首页
          </Link>
        </div>
      </body>
    </html>
  );
}
