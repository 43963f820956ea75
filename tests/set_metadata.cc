// Test helper: sets one metadata key of a Xapian database, a glass database or a stub naming one
// as morgue's are (to fake a database of another schema), creating an empty glass database when
// there is none (an empty database of an earlier layout).
#include <xapian.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: set_metadata DB KEY VALUE\n";
    return 2;
  }
  Xapian::WritableDatabase db;
  try {
    db = Xapian::WritableDatabase(argv[1], Xapian::DB_OPEN);  // a glass database or a stub of one
  } catch (const Xapian::DatabaseNotFoundError&) {
    db = Xapian::WritableDatabase(argv[1], Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  }
  db.set_metadata(argv[2], argv[3]);
  db.commit();
  return 0;
}
