// Test helper: sets one metadata key of a Xapian database (to fake a database of another schema),
// creating an empty glass database when there is none (an empty database of an earlier layout).
#include <xapian.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: set_metadata DB KEY VALUE\n";
    return 2;
  }
  Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  db.set_metadata(argv[2], argv[3]);
  db.commit();
  return 0;
}
