fn main() {
    println!("outcome-explorer: the window arrives in the next commit");
}
