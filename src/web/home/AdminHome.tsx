/** The administrator's home: the books of the whole system by stage, the registrations waiting for a check, and the administration screens. */
import { AwaitingCheck, BooksByStage, HomeHead, useHome } from './parts.js';

export default function AdminHome() {
  const home = useHome();
  const h = home.value;
  return (
    <section className="home">
      <HomeHead title="Tổng quan hệ thống" home={h} />
      {home.error && <p role="alert">{home.error}</p>}
      {h && (
        <div className="home-grid">
          <BooksByStage books={h.books} />
          {h.review && <AwaitingCheck review={h.review} title="Chờ kiểm tra, phê duyệt" />}
          <section className="card" aria-labelledby="admin-h">
            <h3 id="admin-h">Quản trị</h3>
            <ul className="link-list">
              <li>
                <a href="#/admin/users">Người dùng, tổ chức và phạm vi</a>
              </li>
              <li>
                <a href="#/admin/assign">Giao quyển sổ cho người nhập liệu, người kiểm tra</a>
              </li>
              <li>
                <a href="#/audit">Nhật ký truy cập và thay đổi</a>
              </li>
              <li>
                <a href="#/plans">Kế hoạch và tiến độ số hóa</a>
              </li>
            </ul>
          </section>
        </div>
      )}
    </section>
  );
}
