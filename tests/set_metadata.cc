// Test helper: sets metadata keys of a Xapian database in one commit, a glass database or a stub
// naming one as morgue's are (to fake a database of another schema, or stored counts of groups),
// creating an empty glass database when there is none (an empty database of an earlier layout).
// In a VALUE, "{next-state}" stands for the UUID and the revision the commit gives the database,
// as the stamp of stored counts names them (common/group_counts.h).
#include <xapian.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 4 || argc % 2 != 0) {
    std::cerr << "usage: set_metadata DB KEY VALUE [KEY VALUE ...]\n";
    return 2;
  }
  Xapian::WritableDatabase db;
  try {
    db = Xapian::WritableDatabase(argv[1], Xapian::DB_OPEN);  // a glass database or a stub of one
  } catch (const Xapian::DatabaseNotFoundError&) {
    db = Xapian::WritableDatabase(argv[1], Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  }
  const std::string next = db.get_uuid() + " " + std::to_string(db.get_revision() + 1);
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string value = argv[i + 1];
    const std::string mark = "{next-state}";
    for (auto at = value.find(mark); at != std::string::npos; at = value.find(mark))
      value.replace(at, mark.size(), next);
    db.set_metadata(argv[i], value);
  }
  db.commit();
  if (db.get_revision() != std::stoull(next.substr(next.rfind(' ') + 1))) {
    std::cerr << "set_metadata: the commit did not give the revision expected\n";
    return 1;
  }
  return 0;
}
