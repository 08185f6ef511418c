package io.tidemark.ui.logs;

import java.util.AbstractList;
import javafx.collections.ObservableListBase;

/** The viewer's items: the numbers 0…size-1, held as a size only, so a list of 8 million rows costs nothing. */
final class RowIndexList extends ObservableListBase<Integer> {

    private int size;

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }

    /** Changes the size, telling listeners what was added or removed at the end. */
    void resize(int now) {
        int was = size;
        if (now == was) {
            return;
        }
        beginChange();
        size = now;
        if (now > was) {
            nextAdd(was, now);
        } else {
            nextRemove(now, new AbstractList<Integer>() {
                @Override
                public Integer get(int i) {
                    return now + i;
                }

                @Override
                public int size() {
                    return was - now;
                }
            });
        }
        endChange();
    }
}
