//! Disjoint sets (union-find) over `0..n`: the one structure every clustering of
//! person records stands on — the exact linker's, the probabilistic linker's and
//! the identity tree's. Each keeps its own per-root payload (identifiers, contests,
//! the records a group is kept apart from) and merges it after [`DisjointSets::join`]
//! says which root absorbed which.

/// Find with path halving, union by size.
#[derive(Clone, Debug)]
pub struct DisjointSets {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl DisjointSets {
    /// `n` sets of one element each.
    pub fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The root of `x`'s set.
    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize]; // path halving
            x = p;
        }
        x
    }

    /// Joins the sets of the roots `ra` and `rb` (different roots) and returns
    /// `(kept, absorbed)`: the root that now stands for both, and the other.
    pub fn join(&mut self, ra: u32, rb: u32) -> (u32, u32) {
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        (big, small)
    }

    /// How many elements the set of the root `r` holds.
    pub fn size(&self, r: u32) -> u32 {
        self.size[r as usize]
    }

    /// Sets of two elements or more.
    pub fn groups(&self) -> usize {
        (0..self.parent.len())
            .filter(|&x| self.parent[x] == x as u32 && self.size[x] > 1)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::DisjointSets;

    #[test]
    fn joins_keep_the_bigger_root_and_count_groups() {
        let mut s = DisjointSets::new(5);
        let (kept, absorbed) = s.join(0, 1);
        assert_eq!((kept, absorbed), (0, 1));
        let r = s.find(1);
        // {0,1} is bigger than {2}: its root stays.
        assert_eq!(s.join(2, r), (0, 2));
        assert_eq!(s.find(2), 0);
        assert_eq!(s.size(0), 3);
        assert_eq!(s.groups(), 1);
        assert_ne!(s.find(3), s.find(4));
    }
}
